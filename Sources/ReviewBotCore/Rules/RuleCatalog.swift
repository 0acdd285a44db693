/// Every built-in rule, in a stable order.
public enum RuleCatalog {
    public static let builtin: [Rule] =
        SecurityRules.all + DownloadRules.all + PythonRules.all + JavaScriptRules.all + JavaGoRules.all
        + PerformanceRules.all
        + QualityRules.all + PolyglotRules.all
        + AccessibilityRules.all

    public static func rule(id: String) -> Rule? { builtin.first { $0.id == id } }
}
