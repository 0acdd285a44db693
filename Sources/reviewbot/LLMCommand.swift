import ArgumentParser
import Foundation
import ReviewBotCore

extension LLMSettings.Provider: ExpressibleByArgument {}

/// The LLM flags shared by `review` and `llm check`; they override `.reviewbot.yml` and `REVIEWBOT_LLM_*`.
struct LLMOptions: ParsableArguments {
    @Option(name: .customLong("llm-provider"), help: "openai (any OpenAI-compatible endpoint) or anthropic.")
    var provider: LLMSettings.Provider?

    @Option(name: .customLong("llm-base-url"), help: "The endpoint, e.g. http://127.0.0.1:8080/v1.")
    var baseURL: String?

    @Option(name: .customLong("llm-model"), help: "The model; setting one turns the LLM pass on.")
    var model: String?

    @Flag(name: .customLong("no-llm"), help: "Rules only, even when a model is configured.")
    var noLLM = false

    @Flag(name: .customLong("llm-required"), help: "Fail with exit 5 when the LLM pass fails, instead of degrading.")
    var required = false

    @Flag(name: .customLong("no-cache"), help: "Ask the model again instead of using cached answers.")
    var noCache = false

    /// File settings, then the environment, then these flags.
    func apply(to settings: inout LLMSettings, environment: [String: String]) throws {
        try settings.apply(environment: environment)
        if let provider { settings.provider = provider }
        if let baseURL {
            settings.baseURL = try LLMSettings.checkedURL(baseURL, source: "--llm-base-url")
            settings.baseURLChosenByUser = true
        }
        if let model { settings.model = model }
        if noLLM { settings.enabled = false }
        if required { settings.required = true }
        if noCache { settings.cache = false }
        if settings.required && settings.enabled && !settings.isActive {
            throw ConfigError(
                "llm.required is set but no model is configured (llm.model, REVIEWBOT_LLM_MODEL or --llm-model)")
        }
    }
}

struct LLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm",
        abstract: "Check the configured language model.",
        subcommands: [Check.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Say whether the LLM endpoint answers and offers the configured model.",
            discussion: """
                Exit 0 when it does, 3 when no model is configured, 5 when the endpoint or the model is not there.
                Examples:
                  reviewbot llm check
                  reviewbot llm check --llm-base-url http://127.0.0.1:8080/v1 --llm-model smollm2
                """
        )

        @Option(help: "Configuration file (default: .reviewbot.yml at the repository root).")
        var config: String?

        @Option(name: [.customShort("C"), .customLong("repo")], help: "Run as if started in this folder.")
        var repository = "."

        @OptionGroup var llm: LLMOptions

        func run() async throws {
            let workdir = (try? RepositoryLocation.locate(repository))?.workdir
            var configuration = try ConfigLoader.load(explicit: config, workdir: workdir)
            try llm.apply(to: &configuration.llm, environment: ProcessInfo.processInfo.environment)
            guard configuration.llm.isActive else {
                throw ConfigError(
                    configuration.llm.enabled
                        ? "no model is configured: set llm.model in .reviewbot.yml, REVIEWBOT_LLM_MODEL or --llm-model"
                        : "the LLM is turned off (llm.enabled, REVIEWBOT_LLM or --no-llm)")
            }
            let outcome = await LLMCheck.run(configuration.llm)
            let scrubber = SecretScrubber(settings: configuration.llm)
            for line in outcome.lines { print(scrubber.scrub(line)) }
            if let failure = outcome.failure { throw failure }
        }
    }
}
