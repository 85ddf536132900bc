#pragma once
// Render settings (mix and/or stems, destination, format, bit depth, sample rate, loudness preset), progress with ETA and
// Cancel, and the result summary with "Show in folder". The render itself is App/RenderTask's job.
#include "Document/RenderSettings.h"

namespace loopmind {

class RenderPanel final : public juce::Component {
public:
    RenderPanel();
    std::function<void()> onRender, onCancel, onChooseFolder;

    RenderSettings settings() const;
    void setSettings(const RenderSettings& s);
    void setRunning(bool running);
    void setProgress(double progress, double etaSeconds);
    void showOutcome(const RenderOutcome& outcome);
    void showMessage(const juce::String& text, bool isError);
    juce::String resultText() const { return result_.getText(); }
    juce::String loudnessPresetShown() const { return loudness_.getText(); }
    bool loudnessPresetEnabled() const { return loudness_.isEnabled(); }
    bool isRunning() const { return cancel_.isVisible(); }
    juce::Rectangle<int> resultArea() const { return result_.getBounds(); }

    void resized() override;
    void paint(juce::Graphics&) override;

private:
    juce::Label title_ { {}, "Render" }, destination_, outputLabel_ { {}, "Output" }, formatLabel_ { {}, "Format" }, bitsLabel_ { {}, "Bits" },
        rateLabel_ { {}, "Rate" }, loudnessLabel_ { {}, "Loudness" };
    juce::TextButton choose_ { "Destination..." }, render_ { "Render" }, cancel_ { "Cancel" }, show_ { "Show in folder" };
    juce::ComboBox output_, format_, bits_, rate_, loudness_;
    double progress_ = 0.0;
    juce::ProgressBar bar_ { progress_ };
    juce::Label result_;
    std::filesystem::path folder_, lastOutput_;
};

} // namespace loopmind
