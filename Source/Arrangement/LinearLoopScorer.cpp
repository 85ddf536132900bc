#include "Arrangement/LinearLoopScorer.h"
#include "Arrangement/JsonFields.h"
#include "Arrangement/Sha256.h"
#include "Core/PathText.h"
#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace loopmind {

using Loaded = Result<std::shared_ptr<const LinearLoopScorer>>;

Loaded LinearLoopScorer::fromText(const std::string& text, const std::string& name)
{
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded())
        return Loaded::failure("scorer: not valid JSON");
    try {
        JsonFields root(j, "scorer");
        if (root.text("format") != "loopmind-linear-scorer")
            throw FieldError { "scorer.format: expected \"loopmind-linear-scorer\"" };
        root.integer("version", 1, 1);
        auto scorer = std::make_shared<LinearLoopScorer>();
        scorer->name_ = name;
        scorer->hash_ = sha256Hex(text);
        scorer->bias_ = root.number("bias", -100, 100);
        JsonFields weights(root.get("weights"), root.path("weights"));
        const auto& names = LoopFeatures::names();
        for (const auto& item : root.get("weights").items()) {
            const auto found = std::find(names.begin(), names.end(), item.key());
            if (found == names.end()) {
                std::string known;
                for (const char* n : names) known.append(known.empty() ? "" : ", ").append(n);
                throw FieldError { weights.path(item.key()) + ": unknown feature (known: " + known + ")" };
            }
            scorer->weights_[size_t(found - names.begin())] = weights.number(item.key().c_str(), -100, 100);
        }
        return Loaded::success(scorer);
    } catch (const FieldError& e) {
        return Loaded::failure(e.message);
    }
}

Loaded LinearLoopScorer::load(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Loaded::failure(pathText(file) + ": cannot open");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto loaded = fromText(bytes.str(), file.filename().string());
    if (!loaded)
        return Loaded::failure(pathText(file) + ": " + loaded.error());
    return loaded;
}

double LinearLoopScorer::score(const LoopInfo& loop, const LoopSlot& slot) const
{
    const auto f = loopFeatures(loop, slot);
    double z = bias_;
    for (size_t i = 0; i < LoopFeatures::count; ++i) z += weights_[i] * f.values[i];
    return std::round(1000.0 / (1.0 + std::exp(-z))) / 1000.0; // rounded so the score prints the same everywhere
}

} // namespace loopmind
