#pragma once
// The mastering chain's first stage, streaming: the sub-sonic high-pass (4th-order Butterworth at
// 25 Hz: below music, above DC and rumble; frees headroom for the limiter) and the band energies the
// tonal correction judges. Being causal, it runs while the render goes on (on the render's meter
// thread), so the mastering step starts from audio that is already high-passed and measured.
#include "Mastering/Biquad.h"
#include "Mastering/TonalBalance.h"
#include <vector>

namespace loopmind::mastering {

class HighPassStage {
public:
    static constexpr double frequencyHz = 25.0;

    HighPassStage(double sampleRate, int channels);

    /** High-passes n samples of `channel` from in to out (may be the same) and measures their bands.
        Different channels may be processed on different threads. */
    void process(int channel, const float* in, float* out, int n);

    const std::vector<BandEnergies>& bands() const { return bands_; }

private:
    struct ChannelState {
        Biquad first, second;  // the two Butterworth sections
        Biquad low, high;      // band filters of the tonal measurement
    };
    std::vector<ChannelState> channels_;
    std::vector<BandEnergies> bands_;
};

} // namespace loopmind::mastering
