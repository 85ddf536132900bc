#include "Mastering/HighPassStage.h"

namespace loopmind::mastering {

HighPassStage::HighPassStage(double sampleRate)
    : first_(BiquadCoefficients::highPass(sampleRate, frequencyHz, 0.5412)),
      second_(BiquadCoefficients::highPass(sampleRate, frequencyHz, 1.3066)),
      low_(BiquadCoefficients::lowPass(sampleRate, bandLowHz, 0.7071)),
      high_(BiquadCoefficients::highPass(sampleRate, bandHighHz, 0.7071))
{
}

void HighPassStage::process(const float* inLeft, const float* inRight, float* outLeft, float* outRight, int n)
{
    using Pair = StereoBiquad::Pair;
    // Local copies: the filter states stay in registers through the loop.
    auto first = first_, second = second_, low = low_, high = high_;
    Pair total { bands_[0].total, bands_[1].total }, lows { bands_[0].low, bands_[1].low }, highs { bands_[0].high, bands_[1].high };
    for (int i = 0; i < n; ++i) {
        const Pair y = second.process(first.process(Pair { double(inLeft[i]), double(inRight[i]) }));
        const float left = float(y[0]), right = float(y[1]);
        outLeft[i] = left;
        outRight[i] = right;
        const Pair v { double(left), double(right) }, l = low.process(v), h = high.process(v);
        total += v * v;
        lows += l * l;
        highs += h * h;
    }
    first_ = first;
    second_ = second;
    low_ = low;
    high_ = high;
    bands_[0] = { total[0], lows[0], highs[0] };
    bands_[1] = { total[1], lows[1], highs[1] };
}

} // namespace loopmind::mastering
