#include "resterror.h"

QString RestError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::NotFound:
        return QStringLiteral("not found");
    case Kind::Malformed:
        return QStringLiteral("malformed response");
    case Kind::Http:
        return QStringLiteral("http error");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::LocalFile:
        return QStringLiteral("local file");
    case Kind::TooLarge:
        return QStringLiteral("too large");
    }
    return {};
}
