#pragma once

#include <chrono>
#include <functional>

namespace SocketIo {

/// Exponential backoff with jitter, the algorithm of socket.io-client's `Backoff`: the n-th delay
/// is min * 2^n, spread by ±jitter, capped at max.
class Backoff
{
public:
    using RandomSource = std::function<double()>; // uniform in [0, 1)

    Backoff(std::chrono::milliseconds min, std::chrono::milliseconds max, double jitter);

    /// The delay before the next attempt; counts the attempt.
    std::chrono::milliseconds nextDelay();
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

    void setMin(std::chrono::milliseconds min) { m_min = min; }
    void setMax(std::chrono::milliseconds max) { m_max = max; }
    void setJitter(double jitter) { m_jitter = jitter; }
    /// Tests fix the randomness; the default draws from QRandomGenerator::global().
    void setRandomSource(RandomSource source) { m_random = std::move(source); }

private:
    std::chrono::milliseconds m_min;
    std::chrono::milliseconds m_max;
    double m_jitter;
    int m_attempts = 0;
    RandomSource m_random;
};

} // namespace SocketIo
