/// Built-in rules specific to one language family (see RuleCatalog).
enum PythonRules {
    static let all: [Rule] = []
}
