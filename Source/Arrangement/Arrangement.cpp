#include "Arrangement/Arrangement.h"
#include <cmath>

namespace loopmind {

int Arrangement::totalBars() const
{
    int end = 0;
    for (const auto& s : sections)
        end = std::max(end, s.startBar + s.bars);
    return end;
}

std::int64_t Arrangement::sampleAtBeat(double beat) const
{
    return std::int64_t(std::llround(beat * samplesPerBeat()));
}

} // namespace loopmind
