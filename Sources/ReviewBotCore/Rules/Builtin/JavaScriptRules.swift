/// Built-in rules specific to one language family (see RuleCatalog).
enum JavaScriptRules {
    static let all: [Rule] = []
}
