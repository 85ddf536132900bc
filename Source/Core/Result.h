#pragma once
// A value or a sentence saying why there is none. Errors are for people: they name the file and the problem.
#include <optional>
#include <string>
#include <utility>

namespace loopmind {

template <typename T>
class Result {
public:
    static Result success(T value) { Result r; r.value_ = std::move(value); return r; }
    static Result failure(std::string message) { Result r; r.error_ = std::move(message); return r; }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    T& value() { return *value_; }
    const T& value() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const std::string& error() const { return error_; }

private:
    std::optional<T> value_;
    std::string error_;
};

/** Success or an error sentence, for operations without a value. */
class Status {
public:
    static Status success() { return {}; }
    static Status failure(std::string message) { Status s; s.error_ = std::move(message); s.failed_ = true; return s; }
    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return error_; }

private:
    std::string error_;
    bool failed_ = false;
};

} // namespace loopmind
