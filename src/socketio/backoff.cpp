#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace SocketIo {

Backoff::Backoff(std::chrono::milliseconds min, std::chrono::milliseconds max, double jitter)
    : m_min(min)
    , m_max(max)
    , m_jitter(jitter)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{ }

std::chrono::milliseconds Backoff::nextDelay()
{
    // The same arithmetic as socket.io-client's Backoff.duration(), so that users see the
    // delays they know: min * 2^attempts, moved up or down by up to jitter * that, then capped.
    double ms = double(m_min.count()) * std::pow(2.0, std::min(m_attempts, 62));
    ++m_attempts;
    if (m_jitter > 0) {
        const double random = m_random();
        const double deviation = std::floor(random * m_jitter * ms);
        const bool down = (int(std::floor(random * 10)) & 1) == 0;
        ms = down ? ms - deviation : ms + deviation;
    }
    ms = std::min(ms, double(m_max.count()));
    return std::chrono::milliseconds(qint64(std::max(ms, 0.0)));
}

} // namespace SocketIo
