#pragma once
// EBU R128 / ITU-R BS.1770 measurement through libebur128, fed incrementally or with a whole buffer.
// The mastering room keeps its own small wrapper (it may use Core only, not Analysis).
#include <juce_audio_basics/juce_audio_basics.h>
#include <memory>
#include <optional>

namespace loopmind::mastering {

struct Loudness {
    std::optional<double> integratedLufs; // null when gating leaves nothing (silence)
    std::optional<double> truePeakDb;     // dBTP at libebur128's 4x oversampling; null for digital silence
    std::optional<double> lra;            // LU
};

class Ebur128Meter {
public:
    /** full: also loudness range and true peak (slower); otherwise integrated loudness only.
        withoutTruePeak: full but no true peak, whose 4x resampling is most of libebur128's cost. */
    Ebur128Meter(int channels, double sampleRate, bool full, bool withoutTruePeak = false);
    ~Ebur128Meter();
    Ebur128Meter(Ebur128Meter&&) noexcept;
    Ebur128Meter& operator=(Ebur128Meter&&) noexcept;

    void add(const juce::AudioBuffer<float>& audio, int start, int numSamples);
    Loudness result() const;

    static Loudness measure(const juce::AudioBuffer<float>& audio, double sampleRate, bool full);

private:
    struct State; // libebur128's state, kept out of this header (its type is an anonymous struct)
    std::unique_ptr<State> state_;
    int channels_ = 0;
    bool full_ = false, truePeak_ = false;
    std::vector<float> interleaved_;
};

} // namespace loopmind::mastering
