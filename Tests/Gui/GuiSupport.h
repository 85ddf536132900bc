#pragma once
// Helpers for component tests: run the JUCE message loop while waiting, snapshot components to PNG and
// measure what is drawn (pixels that differ from the background).
#include <filesystem>
#include <functional>
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind::test {

/** Dispatches messages (timers, callAsync) until cond() holds or the time is up. Returns cond(). */
bool pumpUntil(const std::function<bool()>& cond, double timeoutSeconds);
void pumpFor(double seconds);

/** Snapshot of the component written to LOOPMIND_GUI_SNAPSHOT_DIR/name.png; returns the image. */
juce::Image snapshot(juce::Component& c, const juce::String& name);

/** Pixels in area whose colour differs from background by more than tolerance (max channel difference). */
int countDifferent(const juce::Image& image, juce::Rectangle<int> area, juce::Colour background, int tolerance = 24);

/** Pixels in area close (by tolerance) to colour. */
int countNear(const juce::Image& image, juce::Rectangle<int> area, juce::Colour colour, int tolerance = 40);

std::filesystem::path demoLoops();
std::filesystem::path freshTempFolder(const std::string& name);

} // namespace loopmind::test
