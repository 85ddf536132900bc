#include "Core/MixerSettings.h"

namespace loopmind {

namespace {
/** A hosted plug-in's instance is rebuilt when it is another plug-in, or its state or parameters were set from
    outside (undo, a loaded file): its own editor changes the live instance directly and does not come here. */
bool samePlugin(const EffectSlot& a, const EffectSlot& b)
{
    if (a.plugin.has_value() != b.plugin.has_value())
        return false;
    if (!a.plugin)
        return true;
    const auto& p = *a.plugin;
    const auto& q = *b.plugin;
    return p.format == q.format && p.identifier == q.identifier && p.uniqueId == q.uniqueId && p.state == q.state
        && a.parameters == b.parameters;
}
} // namespace

bool sameMixerTopology(const ChannelStrip& a, const ChannelStrip& b)
{
    if (a.output != b.output || a.inserts.size() != b.inserts.size() || a.sends.size() != b.sends.size())
        return false;
    for (size_t i = 0; i < a.inserts.size(); ++i)
        if (a.inserts[i].type != b.inserts[i].type || a.inserts[i].bypassed != b.inserts[i].bypassed
            || a.inserts[i].sidechainTrack != b.inserts[i].sidechainTrack || !samePlugin(a.inserts[i], b.inserts[i]))
            return false;
    for (size_t i = 0; i < a.sends.size(); ++i)
        if (a.sends[i].returnBus != b.sends[i].returnBus)
            return false;
    return true;
}

bool sameSettings(const ChannelStrip& x, const ChannelStrip& y)
{
    if (!sameMixerTopology(x, y) || x.volumeDb != y.volumeDb || x.pan != y.pan || x.invertPolarity != y.invertPolarity)
        return false;
    for (size_t i = 0; i < x.inserts.size(); ++i) // same topology: same number of inserts and sends
        if (x.inserts[i].parameters != y.inserts[i].parameters)
            return false;
    for (size_t i = 0; i < x.sends.size(); ++i)
        if (x.sends[i].levelDb != y.sends[i].levelDb || x.sends[i].preFader != y.sends[i].preFader)
            return false;
    return true;
}

} // namespace loopmind
