#include "Arrangement/SectionGain.h"
#include "Arrangement/NumberText.h"
#include <algorithm>
#include <cmath>

namespace loopmind {

namespace {
std::string dB(double v) { return fixedText(v, 1); }

/** Loudness of the section's mix predicted from its tracks, weighted by the share of bars each plays (LUFS). */
double predictedLoudness(const Arrangement& a, const ArrangementSection& s, const std::vector<double>& trackLoudness)
{
    double energy = 0;
    for (size_t t = 0; t < a.tracks.size(); ++t) {
        int bars = 0;
        for (const auto& c : a.tracks[t].clips)
            bars += std::max(0, std::min(c.startBar + c.bars, s.startBar + s.bars) - std::max(c.startBar, s.startBar));
        energy += double(bars) / double(std::max(1, s.bars)) * std::pow(10.0, trackLoudness[t] / 10.0);
    }
    return energy > 0 ? 10.0 * std::log10(energy) : -120.0;
}
} // namespace

void applySectionGains(Arrangement& a, const std::vector<double>& trackLoudness)
{
    if (a.sections.empty())
        return;
    std::vector<double> predicted;
    double topEnergy = 0;
    for (const auto& s : a.sections) {
        predicted.push_back(predictedLoudness(a, s, trackLoudness));
        topEnergy = std::max(topEnergy, s.energy);
    }
    double reference = -120; // the loudest prediction among the sections at the top energy
    for (size_t i = 0; i < a.sections.size(); ++i)
        if (a.sections[i].energy >= topEnergy) reference = std::max(reference, predicted[i]);
    for (size_t i = 0; i < a.sections.size(); ++i) {
        auto& s = a.sections[i];
        const double target = reference - dbPerEnergy * (topEnergy - s.energy);
        const double gain = predicted[i] > -120 ? std::round(std::clamp(target - predicted[i], maxSectionCutDb, maxSectionBoostDb) * 10) / 10 : 0.0;
        s.gainDb = gain == 0 ? 0.0 : gain; // no -0 in the file
        s.gainReason = "energy " + fixedText(s.energy, 2) + " aims " + dB(reference - target) + " LU under the peak (" + dB(dbPerEnergy)
                       + " LU per unit of energy); its layers predict " + dB(predicted[i]) + " LUFS against " + dB(target) + " -> "
                       + dB(s.gainDb) + " dB";
    }
}

double sectionGainAt(const Arrangement& a, int bar)
{
    for (const auto& s : a.sections)
        if (bar >= s.startBar && bar < s.startBar + s.bars) return s.gainDb;
    return 0;
}

} // namespace loopmind
