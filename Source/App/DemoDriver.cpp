#include "App/DemoDriver.h"
#include "App/StudioCommands.h"
#include "Core/PathText.h"
#include <iostream>

namespace loopmind {
namespace fs = std::filesystem;

DemoDriver::DemoDriver(MainComponent& main, juce::Component& window, Options options, std::function<void(int)> done)
    : main_(main), window_(window), options_(std::move(options)), done_(std::move(done))
{
    RenderSettings s;
    s.folder = options_.outDir;
    s.stems = true;
    main_.setRenderSettings(s);
    main_.arrangementView().setSeedField(options_.seed);
    main_.onScanFinished = [this] { scanned(); };
    main_.onRenderFinished = [this](const RenderOutcome& o) { rendered(o); };
    startTimer(int(options_.timeoutSeconds * 1000));
    std::cerr << "demo: scanning " << pathText(options_.library) << "\n";
    main_.addInputs({ options_.library });
}

DemoDriver::~DemoDriver()
{
    main_.onScanFinished = nullptr;
    main_.onRenderFinished = nullptr;
}

void DemoDriver::scanned()
{
    auto& cmd = main_.commandManager();
    if (!cmd.invokeDirectly(commands::generate, false) || !main_.document().song().arrangement)
        return finish(1, "Generate did not produce an arrangement");
    std::cerr << "demo: generated " << main_.document().song().arrangement->tracks.size() << " tracks; rendering\n";
    if (!cmd.invokeDirectly(commands::render, false) || !main_.isRendering())
        return finish(1, "Render did not start: " + main_.renderPanel().resultText().toStdString());
}

void DemoDriver::rendered(const RenderOutcome& o)
{
    if (!o.report.ok)
        return finish(1, "render failed: " + o.report.error);
    std::vector<fs::path> expected { o.report.mixPath, o.arrangementPath, o.reportPath };
    expected.insert(expected.end(), o.report.stemPaths.begin(), o.report.stemPaths.end());
    if (o.report.stemPaths.empty())
        return finish(1, "no stems were written");
    for (const auto& p : expected) {
        std::error_code ec;
        if (!fs::exists(p, ec) || fs::file_size(p, ec) == 0)
            return finish(1, "missing output: " + pathText(p));
    }
    std::cerr << "demo: wrote " << pathText(o.report.mixPath) << ", " << o.report.stemPaths.size() << " stems, "
              << pathText(o.arrangementPath) << ", " << pathText(o.reportPath) << "\n";
    finish(0, "done");
}

void DemoDriver::finish(int code, const std::string& message)
{
    if (finished_)
        return;
    finished_ = true;
    stopTimer();
    if (code != 0)
        std::cerr << "demo: FAILED: " << message << "\n";
    if (options_.screenshot != juce::File()) {
        window_.repaint();
        const auto image = window_.createComponentSnapshot(window_.getLocalBounds(), true, 1.0f);
        options_.screenshot.getParentDirectory().createDirectory();
        options_.screenshot.deleteFile();
        juce::FileOutputStream out(options_.screenshot);
        juce::PNGImageFormat png;
        if (!out.openedOk() || !png.writeImageToStream(image, out))
            std::cerr << "demo: could not write " << options_.screenshot.getFullPathName() << "\n", code = 1;
        else
            std::cerr << "demo: screenshot " << options_.screenshot.getFullPathName() << "\n";
    }
    done_(code);
}

void DemoDriver::timerCallback() { finish(1, "timed out"); }

} // namespace loopmind
