#include "Plugins/TimedChildProcess.h"
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace loopmind::plugins {
namespace {
constexpr size_t keptErrorBytes = 4096;

/** Appends what the pipe holds; false once it is closed. */
bool drain(int fd, std::string& into)
{
    char chunk[4096];
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got > 0) {
        into.append(chunk, size_t(got));
        return true;
    }
    return got < 0 && (errno == EINTR || errno == EAGAIN);
}
} // namespace

std::string ChildOutcome::describe() const
{
    if (!started)
        return "could not be started";
    if (timedOut)
        return "did not answer in time (hung), killed";
    if (signal != 0)
        return "crashed (signal " + std::to_string(signal) + ", " + ::strsignal(signal) + ")";
    return "exited with code " + std::to_string(exitCode);
}

ChildOutcome runWithIdleLimit(const std::vector<std::string>& argv, double idleLimitSeconds,
                              const std::function<void(const std::string& line)>& onLine)
{
    ChildOutcome outcome;
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        return outcome;
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        return outcome;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    if (spawned != 0) {
        ::close(out[0]);
        ::close(err[0]);
        outcome.errorText = std::string("cannot run ") + argv[0] + ": " + std::strerror(spawned);
        return outcome;
    }
    outcome.started = true;

    std::string pending, errors;
    bool outOpen = true, errOpen = true;
    auto lastHeard = std::chrono::steady_clock::now();
    while (outOpen || errOpen) {
        pollfd fds[2] = { { outOpen ? out[0] : -1, POLLIN, 0 }, { errOpen ? err[0] : -1, POLLIN, 0 } };
        const int ready = ::poll(fds, 2, 100);
        if (ready < 0 && errno != EINTR)
            break;
        if (fds[0].revents != 0) {
            outOpen = drain(out[0], pending);
            for (size_t end; (end = pending.find('\n')) != std::string::npos;) {
                onLine(pending.substr(0, end));
                pending.erase(0, end + 1);
                lastHeard = std::chrono::steady_clock::now();
            }
        }
        if (fds[1].revents != 0) {
            errOpen = drain(err[0], errors);
            if (errors.size() > 2 * keptErrorBytes)
                errors.erase(0, errors.size() - keptErrorBytes);
        }
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - lastHeard).count() > idleLimitSeconds) {
            ::kill(pid, SIGKILL);
            outcome.timedOut = true;
            break;
        }
    }
    ::close(out[0]);
    ::close(err[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!outcome.timedOut) {
        if (WIFEXITED(status))
            outcome.exitCode = WEXITSTATUS(status);
        else if (WIFSIGNALED(status))
            outcome.signal = WTERMSIG(status);
    }
    if (!pending.empty())
        onLine(pending);
    outcome.errorText = errors.size() > keptErrorBytes ? errors.substr(errors.size() - keptErrorBytes) : errors;
    return outcome;
}

} // namespace loopmind::plugins
