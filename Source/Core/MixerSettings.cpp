#include "Core/MixerSettings.h"

namespace loopmind {

bool sameMixerTopology(const ChannelStrip& a, const ChannelStrip& b)
{
    if (a.output != b.output || a.inserts.size() != b.inserts.size() || a.sends.size() != b.sends.size())
        return false;
    for (size_t i = 0; i < a.inserts.size(); ++i)
        if (a.inserts[i].type != b.inserts[i].type || a.inserts[i].bypassed != b.inserts[i].bypassed
            || a.inserts[i].sidechainTrack != b.inserts[i].sidechainTrack)
            return false;
    for (size_t i = 0; i < a.sends.size(); ++i)
        if (a.sends[i].returnBus != b.sends[i].returnBus)
            return false;
    return true;
}

} // namespace loopmind
