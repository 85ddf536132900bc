#include "App/SessionLog.h"

namespace loopmind {

SessionLog::SessionLog(const juce::File& folder) : file_(folder.getChildFile("session.log"))
{
    folder.createDirectory();
    logger_ = std::make_unique<juce::FileLogger>(file_, "LoopMind Studio session", 512 * 1024);
}

void SessionLog::problem(const juce::String& where, const juce::String& text)
{
    logger_->logMessage(juce::Time::getCurrentTime().toISO8601(true) + " [" + where + "] " + text);
}

} // namespace loopmind
