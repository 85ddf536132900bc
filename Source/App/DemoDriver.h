#pragma once
// --demo-render OUTDIR [--screenshot PNG]: drives the window through the same commands its buttons use
// (add folder -> Generate -> Render), checks the files, optionally snapshots the window, then quits with
// exit code 0 (all there) or 1. Used by the end-to-end test and docs/screenshots/update.sh.
#include "App/MainComponent.h"

namespace loopmind {

class DemoDriver final : private juce::Timer {
public:
    struct Options {
        std::filesystem::path library, outDir;
        juce::File screenshot;           // empty: none
        std::uint64_t seed = 1;
        double timeoutSeconds = 240;
    };
    /** window: what the screenshot shows; done(exitCode) ends the app. */
    DemoDriver(MainComponent& main, juce::Component& window, Options options, std::function<void(int)> done);
    ~DemoDriver() override;

private:
    void scanned();
    void rendered(const RenderOutcome& outcome);
    void finish(int code, const std::string& message);
    void timerCallback() override;

    MainComponent& main_;
    juce::Component& window_;
    Options options_;
    std::function<void(int)> done_;
    bool finished_ = false;
};

} // namespace loopmind
