#pragma once
// Forward FFT of real input, for analysis frames. A real frame of N samples is transformed as N/2 complex
// points (even samples real, odd imaginary) and then split into its N/2 + 1 bins: about a third of the
// work of JUCE's fallback FFT, which transforms real input as N complex points. Plain radix-2, no
// allocation after construction, deterministic. One object per thread.
#include <vector>

namespace loopmind::analysis::detail {

class RealFft {
public:
    /** N = 2^order, order 2..20. */
    explicit RealFft(int order);

    int size() const { return n; }

    /** The unnormalised DFT of in[0..N): bins 0..N/2 as (re, im) pairs in out[0..N+2). */
    void forward(const float* in, float* out);

private:
    int n, half;
    std::vector<int> bitReversed;          // of the N/2-point transform
    std::vector<float> twiddleRe, twiddleIm; // exp(-2 pi i k / (N/2)), k < N/4
    std::vector<float> splitRe, splitIm;     // exp(-2 pi i k / N), k <= N/2
    std::vector<float> re, im;
};

} // namespace loopmind::analysis::detail
