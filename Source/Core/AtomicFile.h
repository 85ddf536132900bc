#pragma once
// Every output is written to a hidden temporary file in the destination folder and renamed into place
// only when complete, so a cancelled, failed or killed job leaves the previous file untouched.
#include "Core/Result.h"
#include <filesystem>
#include <string_view>

namespace loopmind {

class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::filesystem::path destination);
    ~AtomicFileWriter(); // removes the temporary file unless commit() succeeded
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    const std::filesystem::path& destination() const { return destination_; }
    const std::filesystem::path& tempPath() const { return temp_; }

    /** fsyncs the temporary file, renames it over the destination, fsyncs the folder. */
    Status commit();
    /** Deletes the temporary file; the destination is untouched. */
    void abandon();

private:
    std::filesystem::path destination_, temp_;
    bool finished_ = false;
};

Status writeTextFileAtomically(const std::filesystem::path& destination, std::string_view content);

} // namespace loopmind
