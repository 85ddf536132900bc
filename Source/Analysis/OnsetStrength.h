#pragma once
// Onset-strength envelope: band-wise spectral flux on ~11.6 ms hops, half-wave rectified and
// log-compressed. The loop is treated as circular so its downbeat shows up at frame 0.
#include <vector>

namespace loopmind::analysis::detail {

struct OnsetEnvelope {
    std::vector<float> values;  // one per frame; frame n is centred on sample n * length / values.size()
    double framesPerSecond = 0.0;
    double seconds = 0.0;       // length of the analysed audio
};

/** Envelope covering the whole buffer with an exact whole number of frames, so frame periods line
    up with any whole division of the loop. Empty for silence-length input. */
OnsetEnvelope computeOnsetEnvelope(const std::vector<float>& mono, double sampleRate);

/** Frames that are clear local maxima of the envelope (at least 50 ms apart). */
std::vector<int> pickOnsets(const OnsetEnvelope& envelope);

} // namespace loopmind::analysis::detail
