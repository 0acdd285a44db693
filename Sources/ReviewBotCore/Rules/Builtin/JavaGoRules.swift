/// Built-in rules specific to Java, Kotlin and Go (see RuleCatalog).
enum JavaGoRules {
    static let all: [Rule] = []
}
