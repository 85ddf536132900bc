#pragma once
// A real-time-safe meter: sample peak and short-term loudness (EBU R128: K-weighted, 3 s window, computed
// from 100 ms sub-blocks). The audio thread writes; any thread reads the published atomics.
#include <array>
#include <atomic>
#include <cmath>

namespace loopmind {

class LoudnessMeter {
public:
    void prepare(double sampleRate);
    void reset();
    /** Audio thread: feed one stereo block. */
    void process(const float* left, const float* right, int numSamples);

    /** Highest sample peak since the last call (linear), then restarts the hold. */
    float takePeak() { return peak_.exchange(0.0f); }
    /** Short-term loudness in LUFS, or -inf when silent. */
    float shortTermLufs() const { return shortTerm_.load(); }

private:
    struct Biquad {
        double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
        double z1[2] {}, z2[2] {};
        double run(int channel, double x)
        {
            const double y = b0 * x + z1[channel];
            z1[channel] = b1 * x - a1 * y + z2[channel];
            z2[channel] = b2 * x - a2 * y;
            return y;
        }
    };
    Biquad shelf_, highPass_;
    static constexpr int windowBlocks = 30; // 30 x 100 ms = 3 s
    std::array<double, windowBlocks> blockEnergy_ {};
    int blockIndex_ = 0, blockLength_ = 4410, blockFill_ = 0;
    double blockSum_ = 0;
    std::atomic<float> peak_ { 0.0f };
    std::atomic<float> shortTerm_ { -INFINITY };
};

} // namespace loopmind
