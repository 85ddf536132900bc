#pragma once
// Halving the sample rate of a loop for analysis. Tempo, role and key features live below ~11 kHz
// (onset flux up to 10 kHz, chroma up to 5 kHz), so analysing at 22-24 kHz (and 11-12 kHz for chroma)
// gives the same bin widths with half or a quarter of the FFT work. Not for playback: a short
// half-band FIR, flat to ~0.2 of the input rate, is plenty for features.
#include <vector>

namespace loopmind::analysis::detail {

/** Every second sample of the low-passed signal; the loop wraps, so its end filters into its start. */
std::vector<float> halveRate(const std::vector<float>& loop);

/** Halves while the rate is above maxRate; rate is updated to the result's. */
std::vector<float> decimateTo(std::vector<float> loop, double& rate, double maxRate);

} // namespace loopmind::analysis::detail
