// LoopMind Studio: the desktop app. In this first version a window that scans and shows a loop library;
// the full DAW UI is the desktop-app issue.
#include "Library/FileDiscovery.h"
#include "Library/LoopAnalyser.h"
#include "UI/LibraryTable.h"
#include <cstdlib>
#include <iostream>
#include <juce_gui_basics/juce_gui_basics.h>
#include <thread>

namespace loopmind {

class MainWindow final : public juce::DocumentWindow {
public:
    explicit MainWindow(const juce::File& library)
        : juce::DocumentWindow("LoopMind Studio", juce::Colour(0xff16181c), allButtons)
    {
        setUsingNativeTitleBar(true);
        setContentNonOwned(&table_, false);
        setResizable(true, true);
        centreWithSize(1000, 600);
        setVisible(true);
        scan(library);
    }
    ~MainWindow() override
    {
        control_.requestCancel();
        if (scanner_.joinable())
            scanner_.join();
    }
    void closeButtonPressed() override { juce::JUCEApplication::getInstance()->systemRequestedQuit(); }

private:
    void scan(const juce::File& folder)
    {
        table_.setStatus("Analysing " + folder.getFullPathName() + " ...");
        juce::Component::SafePointer<LibraryTable> safe(&table_);
        const std::filesystem::path root(folder.getFullPathName().toStdString());
        scanner_ = std::thread([this, safe, root] {
            const auto files = discoverAudioFiles({ root });
            auto loops = analyseLoopFiles(files.files, 0, control_);
            juce::MessageManager::callAsync([safe, loops = std::move(loops), root]() mutable {
                if (safe == nullptr)
                    return;
                const auto n = loops.size();
                safe->setLoops(std::move(loops));
                safe->setStatus(juce::String(int(n)) + " loops in " + juce::String::fromUTF8(root.string().c_str()));
            });
        });
    }

    LibraryTable table_;
    JobControl control_;
    std::thread scanner_;
};

class StudioApplication final : public juce::JUCEApplication {
public:
    const juce::String getApplicationName() override { return "LoopMind Studio"; }
    const juce::String getApplicationVersion() override { return LOOPMIND_VERSION; }
    void initialise(const juce::String& commandLine) override
    {
        auto args = juce::StringArray::fromTokens(commandLine, true);
        args.removeEmptyStrings();
        auto folder = args.isEmpty() ? defaultLibrary() : juce::File::getCurrentWorkingDirectory().getChildFile(args[0].unquoted());
        window_ = std::make_unique<MainWindow>(folder);
    }
    void shutdown() override { window_.reset(); }

private:
    static juce::File defaultLibrary()
    {
        // build/bin/LoopMindStudio -> build/DemoLoops
        return juce::File::getSpecialLocation(juce::File::currentExecutableFile).getParentDirectory().getSiblingFile("DemoLoops");
    }
    std::unique_ptr<MainWindow> window_;
};

} // namespace loopmind

JUCE_CREATE_APPLICATION_DEFINE(loopmind::StudioApplication)

int main(int argc, char* argv[])
{
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
