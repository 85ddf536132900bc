#include "Engine/LoudnessMeter.h"
#include <algorithm>

namespace loopmind {

void LoudnessMeter::prepare(double sampleRate)
{
    // K-weighting per ITU-R BS.1770-4: a high-shelf (+4 dB above ~1.5 kHz) then a ~38 Hz high-pass,
    // coefficients derived for any sample rate by the bilinear transform.
    {
        const double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
        const double k = std::tan(M_PI * f0 / sampleRate);
        const double vh = std::pow(10.0, gainDb / 20.0), vb = std::pow(vh, 0.4996667741545416);
        const double a0 = 1.0 + k / q + k * k;
        shelf_.b0 = (vh + vb * k / q + k * k) / a0;
        shelf_.b1 = 2.0 * (k * k - vh) / a0;
        shelf_.b2 = (vh - vb * k / q + k * k) / a0;
        shelf_.a1 = 2.0 * (k * k - 1.0) / a0;
        shelf_.a2 = (1.0 - k / q + k * k) / a0;
    }
    {
        const double f0 = 38.13547087602444, q = 0.5003270373238773;
        const double k = std::tan(M_PI * f0 / sampleRate);
        const double a0 = 1.0 + k / q + k * k;
        highPass_.b0 = 1.0 / a0 * 1.0;
        highPass_.b1 = -2.0 / a0;
        highPass_.b2 = 1.0 / a0;
        highPass_.a1 = 2.0 * (k * k - 1.0) / a0;
        highPass_.a2 = (1.0 - k / q + k * k) / a0;
    }
    blockLength_ = std::max(1, int(sampleRate * 0.1));
    reset();
}

void LoudnessMeter::reset()
{
    for (auto* f : { &shelf_, &highPass_ })
        for (int c = 0; c < 2; ++c)
            f->z1[c] = f->z2[c] = 0;
    blockEnergy_.fill(0.0);
    blockIndex_ = blockFill_ = 0;
    blockSum_ = 0;
    peak_.store(0.0f);
    shortTerm_.store(-INFINITY);
}

void LoudnessMeter::process(const float* left, const float* right, int numSamples)
{
    float peak = 0;
    for (int i = 0; i < numSamples; ++i) {
        peak = std::max({ peak, std::abs(left[i]), std::abs(right[i]) });
        const double l = highPass_.run(0, shelf_.run(0, left[i]));
        const double r = highPass_.run(1, shelf_.run(1, right[i]));
        blockSum_ += l * l + r * r;
        if (++blockFill_ == blockLength_) {
            blockEnergy_[size_t(blockIndex_)] = blockSum_ / blockLength_;
            blockIndex_ = (blockIndex_ + 1) % windowBlocks;
            blockSum_ = 0;
            blockFill_ = 0;
            double mean = 0;
            for (double e : blockEnergy_)
                mean += e;
            mean /= windowBlocks;
            shortTerm_.store(mean > 1e-20 ? float(-0.691 + 10.0 * std::log10(mean)) : -INFINITY);
        }
    }
    float held = peak_.load(std::memory_order_relaxed);
    while (peak > held && !peak_.compare_exchange_weak(held, peak)) {
    }
}

} // namespace loopmind
