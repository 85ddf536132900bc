#pragma once
// What every loopmind command shares: argument parsing, exit codes, progress on stderr, Ctrl-C.
#include "Core/JobControl.h"
#include "Library/LoopInfo.h"
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace loopmind::cli {

enum ExitCode { success = 0, someInputsFailed = 1, usageOrFatal = 2 };

struct UsageError { std::string message; };

/** Positional arguments and --options; flags without a value are listed in `switches`. */
class Arguments {
public:
    Arguments(int argc, char** argv, int first, const std::set<std::string>& valueOptions, const std::set<std::string>& switches);
    const std::vector<std::filesystem::path>& positional() const { return positional_; }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::optional<std::string> text(const std::string& name) const;
    std::optional<double> number(const std::string& name, double min, double max) const;
    std::optional<std::uint64_t> unsignedNumber(const std::string& name) const;

private:
    std::vector<std::filesystem::path> positional_;
    std::map<std::string, std::string> values_;
};

/** The job-wide cancel flag, set by Ctrl-C (SIGINT) and SIGTERM. */
JobControl& interruptControl();
void installInterruptHandler();

/** Runs work() on a helper thread while printing "label: 42% (ETA 3 s)" on stderr, once it has run a second. */
void runWithProgress(const std::string& label, JobControl& control, const std::function<void()>& work);

/** Finds and analyses the files under the given paths (through the analysis cache unless --no-cache),
    reconciles tempos within each folder, prints problems; the failures are counted. */
struct AnalysedInputs { std::vector<LoopInfo> loops; int failures = 0; };
AnalysedInputs analyseInputs(const Arguments& args, bool printProblems);

/** Analyses PATH... and runs the AIArrangementEngine with --seed/--bpm/--bars/--sample-rate. */
int runAnalyse(int argc, char** argv);
int runArrange(int argc, char** argv);
int runRender(int argc, char** argv);
int runMix(int argc, char** argv);
int runPlugins(int argc, char** argv);

} // namespace loopmind::cli
