// LoopMind Studio, the desktop app: the application object, its window and the command line
//   LoopMindStudio [PATH...] [--demo-render OUTDIR [--screenshot PNG] [--seed N]] [--no-audio]
#include "Core/AllocatorSettings.h"
#include "App/DemoDriver.h"
#include "App/MainComponent.h"
#include "App/StudioMenuBar.h"
#include "Core/PathText.h"
#include "UI/StudioLookAndFeel.h"
#include <cstdlib>
#include <iostream>

namespace loopmind {

class MainWindow final : public juce::DocumentWindow {
public:
    MainWindow(MainComponent::Options options)
        : juce::DocumentWindow("LoopMind Studio", juce::Colour(0xff121418), allButtons), main_(options),
          menu_(main_.commandManager(), [this] { return main_.settings().recentProjects().getAllFilenames(); },
                [this](const juce::File& f) { main_.askToSaveThen([this, f] { main_.openProjectFile(f); }); })
    {
        setUsingNativeTitleBar(true);
        setMenuBar(&menu_);
        setContentNonOwned(&main_, true);
        setResizable(true, true);
        setResizeLimits(900, 600, 10000, 10000);
        centreWithSize(main_.getWidth(), main_.getHeight());
        addKeyListener(main_.commandManager().getKeyMappings());
        setName(main_.windowTitle());
        setVisible(true);
    }
    ~MainWindow() override
    {
        setMenuBar(nullptr);
        clearContentComponent();
    }
    void closeButtonPressed() override { juce::JUCEApplication::getInstance()->systemRequestedQuit(); }
    MainComponent& main() { return main_; }

private:
    MainComponent main_;
    StudioMenuBar menu_;
};

class StudioApplication final : public juce::JUCEApplication {
public:
    const juce::String getApplicationName() override { return "LoopMind Studio"; }
    const juce::String getApplicationVersion() override { return LOOPMIND_VERSION; }
    bool moreThanOneInstanceAllowed() override { return true; }

    void initialise(const juce::String& commandLine) override
    {
        juce::LookAndFeel::setDefaultLookAndFeel(&lookAndFeel_);
        auto args = juce::StringArray::fromTokens(commandLine, true);
        args.removeEmptyStrings();
        for (auto& a : args)
            a = a.unquoted();
        const auto cwd = juce::File::getCurrentWorkingDirectory();
        auto valueOf = [&](const juce::String& flag) {
            const int i = args.indexOf(flag);
            if (i < 0 || i + 1 >= args.size())
                return juce::String();
            auto v = args[i + 1];
            args.removeRange(i, 2);
            return v;
        };
        const auto demoOut = valueOf("--demo-render"), screenshot = valueOf("--screenshot"), seed = valueOf("--seed");
        const bool noAudio = args.contains("--no-audio");
        args.removeString("--no-audio");
        demo_ = demoOut.isNotEmpty();

        MainComponent::Options options;
        options.openAudioDevice = !noAudio;
        if (demo_) // a throwaway settings file: a demo run never changes the user's recent projects or device
            options.settingsFolder = juce::File::getSpecialLocation(juce::File::tempDirectory).getChildFile("LoopMindStudio-demo");
        if (auto folder = juce::SystemStats::getEnvironmentVariable("LOOPMIND_SETTINGS_DIR", {}); folder.isNotEmpty() && !demo_)
            options.settingsFolder = juce::File(folder); // tests: settings and the recovery copy in a folder of their own
        installTerminationHandlers(); // SIGTERM, SIGINT, SIGHUP: save the recovery copy, then quit with 0
        window_ = std::make_unique<MainWindow>(options);
        window_->main().onTerminationSaved = [this] {
            setApplicationReturnValue(0);
            quit();
        };

        std::vector<std::filesystem::path> inputs;
        for (const auto& a : args)
            inputs.push_back(pathFromText(cwd.getChildFile(a).getFullPathName().toStdString()));
        if (inputs.empty())
            inputs.push_back(pathFromText(defaultLibrary().getFullPathName().toStdString()));
        if (!demo_) {
            window_->main().addInputs(inputs);
            window_->main().offerRecovery();
            return;
        }
        DemoDriver::Options d;
        d.library = inputs.front();
        d.outDir = pathFromText(cwd.getChildFile(demoOut).getFullPathName().toStdString());
        if (screenshot.isNotEmpty())
            d.screenshot = cwd.getChildFile(screenshot);
        if (seed.isNotEmpty())
            d.seed = std::uint64_t(seed.getLargeIntValue());
        driver_ = std::make_unique<DemoDriver>(window_->main(), *window_, d, [this](int code) {
            setApplicationReturnValue(code);
            quit();
        });
    }

    void shutdown() override
    {
        driver_.reset();
        window_.reset();
        juce::LookAndFeel::setDefaultLookAndFeel(nullptr);
    }

    void systemRequestedQuit() override
    {
        if (demo_ || window_ == nullptr)
            return quit();
        window_->main().askToSaveThen([] { juce::JUCEApplication::getInstance()->quit(); });
    }

private:
    static juce::File defaultLibrary()
    {
        // build/bin/LoopMindStudio -> build/DemoLoops
        return juce::File::getSpecialLocation(juce::File::currentExecutableFile).getParentDirectory().getSiblingFile("DemoLoops");
    }

    StudioLookAndFeel lookAndFeel_;
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<DemoDriver> driver_;
    bool demo_ = false;
};

} // namespace loopmind

JUCE_CREATE_APPLICATION_DEFINE(loopmind::StudioApplication)

int main(int argc, char* argv[])
{
    loopmind::configureAllocatorForLongSessions();
    // Without a display JUCE's window system aborts; say so plainly instead.
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        std::cerr << "LoopMind Studio needs a display (DISPLAY is not set). Use the loopmind command line instead,"
                     " e.g. ./run.sh renders the demo loops headless.\n";
        return 2;
    }
    juce::JUCEApplicationBase::createInstance = &juce_CreateApplication;
    return juce::JUCEApplicationBase::main(argc, (const char**)argv);
}
