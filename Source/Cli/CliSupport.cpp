#include "Cli/CliSupport.h"
#include "Core/PathText.h"
#include "Library/FileDiscovery.h"
#include "Library/AnalysisCache.h"
#include "Library/LoopAnalyser.h"
#include "Library/PackConsistency.h"
#include <chrono>
#include <juce_events/juce_events.h>
#include <cmath>
#include <csignal>
#include <iostream>
#include <sstream>
#include <thread>

namespace loopmind::cli {

Arguments::Arguments(int argc, char** argv, int first, const std::set<std::string>& valueOptions, const std::set<std::string>& switches)
{
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
            const auto eq = arg.find('=');
            const auto name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            if (switches.count(name)) {
                values_[name] = "";
            } else if (valueOptions.count(name)) {
                if (eq != std::string::npos)
                    values_[name] = arg.substr(eq + 1);
                else if (i + 1 < argc)
                    values_[name] = argv[++i];
                else
                    throw UsageError { "--" + name + " needs a value" };
            } else {
                throw UsageError { "unknown option " + arg };
            }
        } else {
            positional_.emplace_back(arg); // verbatim bytes: any Unicode name works
        }
    }
}

std::optional<std::string> Arguments::text(const std::string& name) const
{
    auto it = values_.find(name);
    return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<double> Arguments::number(const std::string& name, double min, double max) const
{
    auto t = text(name);
    if (!t)
        return std::nullopt;
    try {
        size_t used = 0;
        const double v = std::stod(*t, &used);
        if (used == t->size() && std::isfinite(v) && v >= min && v <= max)
            return v;
    } catch (...) {
    }
    std::ostringstream range;
    range << min << " to " << max;
    throw UsageError { "--" + name + " must be a number from " + range.str() + ", not '" + *t + "'" };
}

std::optional<std::uint64_t> Arguments::unsignedNumber(const std::string& name) const
{
    auto t = text(name);
    if (!t)
        return std::nullopt;
    if (t->empty() || t->find_first_not_of("0123456789") != std::string::npos || t->size() > 19)
        throw UsageError { "--" + name + " must be a whole number, not '" + *t + "'" };
    return std::stoull(*t);
}

JobControl& interruptControl()
{
    static JobControl control;
    return control;
}

namespace {
std::atomic<bool>* cancelFlag = nullptr;
extern "C" void onInterrupt(int)
{
    if (cancelFlag != nullptr)
        cancelFlag->store(true); // lock-free atomic store: async-signal-safe
}
} // namespace

void installInterruptHandler()
{
    cancelFlag = &interruptControl().cancelRequested;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

void runWithProgress(const std::string& label, JobControl& control, const std::function<void()>& work)
{
    std::atomic<bool> finished { false };
    std::thread worker([&] { work(); finished.store(true); });
    const auto start = std::chrono::steady_clock::now();
    bool printed = false;
    // This thread is the CLI's message thread: hosted plug-ins are made on it (Plugins/PluginHost), so it runs the
    // message loop while it waits instead of sleeping.
    auto* messages = juce::MessageManager::getInstance();
    while (!finished.load()) {
        messages->runDispatchLoopUntil(100);
        if (interruptControl().cancelled())
            control.requestCancel();
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double p = control.progress.load();
        if (elapsed < 1.0 || finished.load())
            continue;
        const double eta = p > 0.01 ? elapsed * (1.0 - p) / p : 0.0;
        std::fprintf(stderr, "\r%s: %3d%% (ETA %.0f s)   ", label.c_str(), int(p * 100), eta);
        printed = true;
    }
    worker.join();
    if (printed)
        std::fprintf(stderr, "\r%s: 100%%                 \n", label.c_str());
}

AnalysedInputs analyseInputs(const Arguments& args, bool printProblems)
{
    AnalysedInputs out;
    const int jobs = int(args.number("jobs", 0, 256).value_or(0));
    const auto found = discoverAudioFiles(args.positional());
    for (const auto& p : found.problems) {
        if (printProblems)
            std::cerr << "error: " << p.error << "\n";
        ++out.failures;
    }
    std::unique_ptr<AnalysisCache> cache;
    if (!args.has("no-cache")) {
        auto opened = AnalysisCache::open(AnalysisCache::defaultLocation());
        if (opened)
            cache = std::move(opened.value());
        else
            std::cerr << "warning: analysing without the cache: " << opened.error() << "\n";
    }
    JobControl control;
    runWithProgress("analysing " + std::to_string(found.files.size()) + " files", control,
                    [&] { out.loops = analyseLoopFiles(found.files, jobs, control, cache.get()); });
    if (cache && !cache->writeProblem().empty()) // the analysis itself went on: the next run will decode again
        std::cerr << "warning: " << cache->writeProblem() << "; this run's results are not cached\n";
    // Loops of one folder reinforce each other's tempo; what changed or disagrees is said, not hidden.
    auto reconciled = reconcilePackTempos(std::move(out.loops));
    out.loops = std::move(reconciled.loops);
    if (printProblems) {
        for (const auto& s : reconciled.adjustments)
            std::cerr << "note: " << s << "\n";
        for (const auto& s : reconciled.disagreements)
            std::cerr << "note: " << s << "\n";
    }
    for (const auto& l : out.loops) {
        if (!l.ok) {
            ++out.failures;
            if (printProblems)
                std::cerr << "error: " << *l.error << "\n";
        } else if (l.warning && printProblems) {
            std::cerr << "warning: " << *l.warning << "\n";
        }
    }
    return out;
}

} // namespace loopmind::cli
