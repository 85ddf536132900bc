#pragma once
// A learned scorer: a linear model over the documented loop features, squashed to 0..1 by the logistic function.
// Loaded from a weights JSON (docs/ARRANGEMENT.md, "Scorer"), validated with errors naming the field; its SHA-256
// goes into arrangement.json so a song says which model chose its loops.
#include "Arrangement/LoopScorer.h"
#include "Core/Result.h"
#include <filesystem>
#include <memory>

namespace loopmind {

class LinearLoopScorer final : public LoopScorer {
public:
    /** text: the weights file's bytes (hashed as they are). */
    static Result<std::shared_ptr<const LinearLoopScorer>> fromText(const std::string& text, const std::string& name);
    static Result<std::shared_ptr<const LinearLoopScorer>> load(const std::filesystem::path& file);

    double score(const LoopInfo& loop, const LoopSlot& slot) const override;
    std::string name() const override { return name_; }
    std::string modelHash() const override { return hash_; }

private:
    std::string name_, hash_;
    double bias_ = 0;
    std::array<double, LoopFeatures::count> weights_ {};
};

} // namespace loopmind
