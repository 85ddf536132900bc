// Turns graph topology into a RenderPlan (Kahn's algorithm; ties broken by node id so that the same
// graph always compiles to the same plan).
#include "Engine/RenderPlan.h"
#include <algorithm>
#include <map>
#include <queue>
#include <set>

namespace loopmind {

using NodeID = juce::AudioProcessorGraph::NodeID;

Result<std::unique_ptr<RenderPlan>> compileRenderPlan(const juce::AudioProcessorGraph& graph, int maxBlockSize)
{
    const auto nodes = graph.getNodes();
    const auto connections = graph.getConnections();
    std::map<NodeID, std::set<NodeID>> sourcesOf, dependantsOf;
    for (const auto& c : connections) {
        if (c.source.isMIDI() || c.destination.isMIDI())
            continue; // our nodes exchange audio only
        sourcesOf[c.destination.nodeID].insert(c.source.nodeID);
        dependantsOf[c.source.nodeID].insert(c.destination.nodeID);
    }

    std::map<NodeID, int> remaining;
    auto later = [](NodeID a, NodeID b) { return b < a; }; // smallest id first
    std::priority_queue<NodeID, std::vector<NodeID>, decltype(later)> ready(later);
    for (auto* n : nodes) {
        remaining[n->nodeID] = int(sourcesOf[n->nodeID].size());
        if (remaining[n->nodeID] == 0)
            ready.push(n->nodeID);
    }
    std::vector<NodeID> order;
    while (!ready.empty()) {
        const auto id = ready.top();
        ready.pop();
        order.push_back(id);
        for (const auto d : dependantsOf[id])
            if (--remaining[d] == 0)
                ready.push(d);
    }
    if (order.size() != size_t(nodes.size()))
        return Result<std::unique_ptr<RenderPlan>>::failure("the audio graph has a feedback loop; it cannot be rendered");

    auto plan = std::make_unique<RenderPlan>();
    plan->maxBlockSize_ = maxBlockSize;
    std::map<NodeID, int> stepOf;
    for (size_t i = 0; i < order.size(); ++i)
        stepOf[order[i]] = int(i);
    for (const auto id : order) {
        RenderPlan::Step step;
        step.node = id;
        step.processor = graph.getNodeForId(id)->getProcessor();
        step.channels = std::max(step.processor->getTotalNumInputChannels(), step.processor->getTotalNumOutputChannels());
        for (const auto& c : connections)
            if (c.destination.nodeID == id && !c.source.isMIDI() && c.destination.channelIndex < step.channels)
                step.feeds.push_back({ c.destination.channelIndex, stepOf[c.source.nodeID], c.source.channelIndex });
        std::sort(step.feeds.begin(), step.feeds.end(), [](const auto& a, const auto& b) {
            return std::tie(a.destinationChannel, a.sourceStep, a.sourceChannel) < std::tie(b.destinationChannel, b.sourceStep, b.sourceChannel);
        });
        for (const auto d : dependantsOf[id])
            step.dependants.push_back(stepOf[d]);
        std::sort(step.dependants.begin(), step.dependants.end());
        step.dependencyCount = int(sourcesOf[id].size());
        plan->steps_.push_back(std::move(step));
    }
    // Latency: steps are in topological order, so every source's path latency is known before its dependants'.
    plan->latencies_.assign(plan->steps_.size(), 0);
    plan->skipped_ = std::make_unique<std::atomic<bool>[]>(plan->steps_.size());
    for (size_t i = 0; i < plan->steps_.size(); ++i) {
        auto& step = plan->steps_[i];
        int slowestInput = 0;
        for (const auto& f : step.feeds)
            slowestInput = std::max(slowestInput, plan->latencies_[size_t(f.sourceStep)]);
        for (auto& f : step.feeds)
            if (const int delay = slowestInput - plan->latencies_[size_t(f.sourceStep)]; delay > 0) {
                f.delayLine = int(plan->feedDelays_.size());
                plan->feedDelays_.emplace_back().allocate(delay);
            }
        plan->latencies_[i] = slowestInput + std::max(0, step.processor->getLatencySamples());
    }
    plan->buffers_.resize(plan->steps_.size());
    plan->midi_.resize(plan->steps_.size());
    for (size_t i = 0; i < plan->steps_.size(); ++i) {
        plan->buffers_[i].setSize(std::max(1, plan->steps_[i].channels), maxBlockSize);
        plan->midi_[i].ensureSize(256);
    }
    return Result<std::unique_ptr<RenderPlan>>::success(std::move(plan));
}

} // namespace loopmind
