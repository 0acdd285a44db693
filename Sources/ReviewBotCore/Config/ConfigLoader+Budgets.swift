import Yams

extension ConfigLoader {
    /// `budgets:` — `file_seconds` and `review_seconds`, each more than 0 and at most an hour.
    static func readBudgets(_ node: Node, reader: Reader, into budgets: inout BudgetSettings) throws(ConfigError) {
        for (keyNode, value) in try reader.mapping(node, key: "budgets") {
            let key = try reader.key(keyNode)
            let path = "budgets.\(key)"
            let seconds: Double
            switch key {
            case "file_seconds", "review_seconds": seconds = try reader.double(value, key: path)
            default:
                throw reader.error(
                    keyNode, "unknown key '\(key)' under budgets (expected file_seconds, review_seconds)")
            }
            guard seconds > 0, seconds <= BudgetSettings.maxSeconds else {
                throw reader.error(
                    value, "\(path) must be more than 0 and at most \(Int(BudgetSettings.maxSeconds)) seconds")
            }
            if key == "file_seconds" { budgets.fileSeconds = seconds } else { budgets.reviewSeconds = seconds }
        }
    }
}
