#pragma once
// The one way background threads hand results to the GUI: run on the message thread, and only if the
// component that asked still exists (SafePointer), so a closing window never receives a late result.
#include <juce_gui_basics/juce_gui_basics.h>

namespace loopmind {

template <typename Fn>
void callAsyncIfAlive(juce::Component& owner, Fn&& fn)
{
    juce::Component::SafePointer<juce::Component> safe(&owner);
    juce::MessageManager::callAsync([safe, fn = std::forward<Fn>(fn)]() mutable {
        if (safe != nullptr)
            fn();
    });
}

} // namespace loopmind
