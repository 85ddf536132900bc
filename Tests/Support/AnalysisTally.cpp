#include "Support/AnalysisTally.h"
#include <cmath>
#include <cstdio>

namespace loopmind::test {
namespace {
/** Key name to tonic * 2 + minor, or -1. */
int keyIndex(const std::string& key)
{
    static const char* const tonics[12] = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };
    for (int t = 0; t < 12; ++t)
        for (int m = 0; m < 2; ++m)
            if (key == std::string(tonics[t]) + (m ? " minor" : " major"))
                return t * 2 + m;
    return -1;
}

bool within1Bpm(double a, double b) { return std::abs(a - b) <= 1.0; }
} // namespace

double percent(int value, int of) { return of > 0 ? 100.0 * value / of : 0.0; }

double mirexKeyScore(const std::string& truth, const std::optional<std::string>& estimate)
{
    const int t = keyIndex(truth), e = estimate ? keyIndex(*estimate) : -1;
    if (t < 0 || e < 0)
        return 0.0;
    const int tt = t / 2, et = e / 2;
    const bool tm = t % 2, em = e % 2;
    if (t == e) return 1.0;
    if (tm == em && ((et - tt + 12) % 12 == 7 || (tt - et + 12) % 12 == 7)) return 0.5;
    if (tm != em && (tm ? (tt + 3) % 12 == et : (et + 3) % 12 == tt)) return 0.3;
    if (tm != em && tt == et) return 0.2;
    return 0.0;
}

AnalysisTally AnalysisTally::of(const InstrumentLoop& truth, const analysis::AnalysisResult& r)
{
    AnalysisTally t;
    t.n = 1;
    const double bpm = *truth.bpm;
    const auto got = r.tempo.bpm;
    t.tempo = got && within1Bpm(*got, bpm);
    t.octave = got && (within1Bpm(*got, bpm) || within1Bpm(*got, 2 * bpm) || within1Bpm(*got, 0.5 * bpm));
    if (truth.key != "none") {
        t.keyN = 1;
        t.key = r.key.key && *r.key.key == truth.key;
        t.mirex = mirexKeyScore(truth.key, r.key.key);
    }
    t.role = r.role.role && *r.role.role == truth.role;
    return t;
}

void AnalysisTally::add(const AnalysisTally& o)
{
    n += o.n; tempo += o.tempo; octave += o.octave; keyN += o.keyN; key += o.key; role += o.role; mirex += o.mirex;
}

double AnalysisTally::tempoPct() const { return percent(tempo, n); }
double AnalysisTally::octavePct() const { return percent(octave, n); }
double AnalysisTally::keyPct() const { return percent(key, keyN); }
double AnalysisTally::mirexMean() const { return keyN > 0 ? mirex / keyN : 0.0; }
double AnalysisTally::rolePct() const { return percent(role, n); }

std::string AnalysisTally::columns() const
{
    char keyText[16] = "-", mirexText[16] = "-", out[96];
    if (keyN > 0) {
        std::snprintf(keyText, sizeof keyText, "%.0f%%", keyPct());
        std::snprintf(mirexText, sizeof mirexText, "%.2f", std::floor(mirexMean() * 100.0 + 1e-6) / 100.0); // truncated, as the docs quote it
    }
    std::snprintf(out, sizeof out, " %3d %5.0f%% %4.0f%% %4s %5s %4.0f%%", n, tempoPct(), octavePct(), keyText, mirexText, rolePct());
    return out;
}

} // namespace loopmind::test
