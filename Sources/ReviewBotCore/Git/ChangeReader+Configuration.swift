extension Configuration {
    /// A reader of the repository at `repositoryPath` that skips what this configuration ignores or finds too large.
    public func changeReader(repositoryPath: String) -> ChangeReader {
        let ignore = ignoreMatcher
        return ChangeReader(
            repositoryPath: repositoryPath, maxFileBytes: maxFileBytes, isIgnored: { ignore.matches($0) })
    }
}
