#pragma once
// A short linear predictor fitted by ridge least squares on a stretch of signal, then run on past it: how far
// each later sample departs from what the stretch before it implied. The measure behind seam and click checks.
#include <vector>

namespace loopmind::analysis {

struct PredictionErrors {
    std::vector<double> errors; // errors[k] for the sample at index order + k of the segment
    double fitRms = 0;          // the predictor's own error over the samples it was fitted on
    double signalRms = 0;       // the fitted samples' level
};

/** Fits an order-p predictor on the first fitCount predictions of segment (samples p .. p + fitCount - 1), then
    returns the error of every prediction in the segment. Ridge-regularised: silence and pure tones stay well-posed. */
PredictionErrors predictionErrors(const std::vector<double>& segment, int order, int fitCount);

} // namespace loopmind::analysis
