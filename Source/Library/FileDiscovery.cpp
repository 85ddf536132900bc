#include "Library/FileDiscovery.h"
#include "Core/PathText.h"
#include "Library/DecodedAudio.h"
#include <algorithm>
#include <set>
#include <sys/stat.h>

namespace loopmind {
namespace fs = std::filesystem;

namespace {
struct FolderIdentity {
    dev_t device; ino_t inode;
    bool operator<(const FolderIdentity& o) const { return device != o.device ? device < o.device : inode < o.inode; }
};

bool isSkippedName(const fs::path& p)
{
    const auto name = p.filename().string();
    return name.empty() || name[0] == '.'; // hidden files and AppleDouble "._x" resource forks
}

class Walker {
public:
    explicit Walker(DiscoveredFiles& out) : out_(out) {}

    void walkFolder(const fs::path& folder, int depth)
    {
        struct stat st {};
        if (::stat(folder.c_str(), &st) != 0) {
            out_.problems.push_back({ folder, pathText(folder) + ": cannot open the folder" });
            return;
        }
        // A folder already on our way (by device and inode) is a link cycle or a second route to the same place.
        if (!visited_.insert({ st.st_dev, st.st_ino }).second)
            return;
        if (depth > 64) {
            out_.problems.push_back({ folder, pathText(folder) + ": folders nested deeper than 64 levels, skipped" });
            return;
        }
        std::vector<fs::path> entries;
        std::error_code ec;
        for (fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec))
            entries.push_back(it->path());
        if (ec)
            out_.problems.push_back({ folder, pathText(folder) + ": cannot list the folder (" + ec.message() + ")" });
        std::sort(entries.begin(), entries.end());
        for (const auto& entry : entries) {
            if (isSkippedName(entry))
                continue;
            std::error_code sec;
            const auto status = fs::status(entry, sec); // follows links
            if (sec)
                continue; // dangling link
            if (fs::is_directory(status))
                walkFolder(entry, depth + 1);
            else if (fs::is_regular_file(status) && hasAudioFileExtension(entry))
                out_.files.push_back(entry);
        }
    }

private:
    DiscoveredFiles& out_;
    std::set<FolderIdentity> visited_;
};
} // namespace

DiscoveredFiles discoverAudioFiles(const std::vector<fs::path>& inputs)
{
    DiscoveredFiles out;
    Walker walker(out);
    for (const auto& input : inputs) {
        std::error_code ec;
        const auto status = fs::status(input, ec);
        if (ec || !fs::exists(status))
            out.problems.push_back({ input, pathText(input) + ": no such file or folder" });
        else if (fs::is_directory(status))
            walker.walkFolder(input, 0);
        else
            out.files.push_back(input); // named explicitly: decode it and let the decoder judge it
    }
    return out;
}

} // namespace loopmind
