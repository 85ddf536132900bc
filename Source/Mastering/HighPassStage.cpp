#include "Mastering/HighPassStage.h"

namespace loopmind::mastering {

HighPassStage::HighPassStage(double sampleRate, int channels)
    : channels_(size_t(std::max(channels, 0)),
                ChannelState { Biquad(BiquadCoefficients::highPass(sampleRate, frequencyHz, 0.5412)),
                               Biquad(BiquadCoefficients::highPass(sampleRate, frequencyHz, 1.3066)),
                               Biquad(BiquadCoefficients::lowPass(sampleRate, bandLowHz, 0.7071)),
                               Biquad(BiquadCoefficients::highPass(sampleRate, bandHighHz, 0.7071)) }),
      bands_(size_t(std::max(channels, 0)))
{
}

void HighPassStage::process(int channel, const float* in, float* out, int n)
{
    // Local copies: the filter states stay in registers through the loop.
    auto s = channels_[size_t(channel)];
    auto e = bands_[size_t(channel)];
    for (int i = 0; i < n; ++i) {
        const float y = float(s.second.process(s.first.process(double(in[i]))));
        out[i] = y;
        const double v = y, l = s.low.process(v), h = s.high.process(v);
        e.total += v * v;
        e.low += l * l;
        e.high += h * h;
    }
    channels_[size_t(channel)] = s;
    bands_[size_t(channel)] = e;
}

} // namespace loopmind::mastering
