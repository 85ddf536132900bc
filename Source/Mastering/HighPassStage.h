#pragma once
// The mastering chain's first stage, streaming: the sub-sonic high-pass (4th-order Butterworth at
// 25 Hz: below music, above DC and rumble; frees headroom for the limiter) and the band energies the
// tonal correction judges. Being causal, it runs while the render goes on (on the render's meter
// thread), so the mastering step starts from audio that is already high-passed and measured.
// One stage is one stereo pair, both channels in the lanes of StereoBiquad (Biquad's results, bit for bit).
#include "Mastering/Biquad.h"
#include "Mastering/TonalBalance.h"

namespace loopmind::mastering {

class HighPassStage {
public:
    static constexpr double frequencyHz = 25.0;

    explicit HighPassStage(double sampleRate);

    /** High-passes n samples of the pair from in to out (in place is fine; left and right may be the same
        channel, for mono) and adds their band energies. */
    void process(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int n);

    const BandEnergies& leftBands() const { return bands_[0]; }
    const BandEnergies& rightBands() const { return bands_[1]; }

private:
    StereoBiquad first_, second_; // the two Butterworth sections
    StereoBiquad low_, high_;     // band filters of the tonal measurement
    BandEnergies bands_[2];
};

} // namespace loopmind::mastering
