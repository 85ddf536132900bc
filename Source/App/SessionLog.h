#pragma once
// The session log: problems the app met (files that would not load or save, renders that failed, plug-ins and
// mixer settings that could not be honoured), each with the files involved, for bug reports. One file beside the
// settings (session.log), trimmed to its last 512 KiB when the app starts (JUCE's FileLogger), written on the
// message thread only: never from the audio thread.
#include <juce_core/juce_core.h>

namespace loopmind {

class SessionLog {
public:
    explicit SessionLog(const juce::File& folder);
    const juce::File& file() const { return file_; }
    /** "[where] text", time-stamped. */
    void problem(const juce::String& where, const juce::String& text);

private:
    juce::File file_;
    std::unique_ptr<juce::FileLogger> logger_;
};

} // namespace loopmind
