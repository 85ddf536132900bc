#include "GuiSupport.h"
#include <chrono>
#include <thread>

namespace juce {
// JUCE's own "process one message" step (what runDispatchLoopUntil uses). Our JUCE is built without modal
// loops, so that function is compiled out; this one is always there and lets tests wait on the message thread.
bool dispatchNextMessageOnSystemQueue(bool returnIfNoPendingMessages);
} // namespace juce

namespace loopmind::test {

bool pumpUntil(const std::function<bool()>& cond, double timeoutSeconds)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
    while (!cond()) {
        if (std::chrono::steady_clock::now() > end)
            return false;
        if (!juce::dispatchNextMessageOnSystemQueue(true))
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

void pumpFor(double seconds)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    pumpUntil([&] { return std::chrono::steady_clock::now() > end; }, seconds + 1.0);
}

juce::Image snapshot(juce::Component& c, const juce::String& name)
{
    auto image = c.createComponentSnapshot(c.getLocalBounds(), true, 1.0f);
    const juce::File dir(LOOPMIND_GUI_SNAPSHOT_DIR);
    dir.createDirectory();
    const auto file = dir.getChildFile(name + ".png");
    file.deleteFile();
    juce::FileOutputStream out(file);
    juce::PNGImageFormat().writeImageToStream(image, out);
    return image;
}

namespace {
int difference(juce::Colour a, juce::Colour b)
{
    return std::max({ std::abs(int(a.getRed()) - int(b.getRed())), std::abs(int(a.getGreen()) - int(b.getGreen())),
                      std::abs(int(a.getBlue()) - int(b.getBlue())) });
}
} // namespace

int countDifferent(const juce::Image& image, juce::Rectangle<int> area, juce::Colour background, int tolerance)
{
    int n = 0;
    area = area.getIntersection(image.getBounds());
    for (int y = area.getY(); y < area.getBottom(); ++y)
        for (int x = area.getX(); x < area.getRight(); ++x)
            n += difference(image.getPixelAt(x, y), background) > tolerance;
    return n;
}

int countNear(const juce::Image& image, juce::Rectangle<int> area, juce::Colour colour, int tolerance)
{
    int n = 0;
    area = area.getIntersection(image.getBounds());
    for (int y = area.getY(); y < area.getBottom(); ++y)
        for (int x = area.getX(); x < area.getRight(); ++x)
            n += difference(image.getPixelAt(x, y), colour) <= tolerance;
    return n;
}

std::filesystem::path demoLoops() { return LOOPMIND_DEMO_LOOPS_DIR; }

std::filesystem::path freshTempFolder(const std::string& name)
{
    auto dir = std::filesystem::temp_directory_path() / ("loopmind-gui-" + name + "-" + std::to_string(juce::Time::currentTimeMillis()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace loopmind::test
