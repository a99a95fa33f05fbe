#pragma once

#include "clioptions.h"

class QTextStream;

/// studyconnect-cli --download FILE_ID PATH: REST only (no socket), signed in with the token or
/// with --email and the password read from standard input.
namespace CliDownload {

/// Saves the file, prints one JSON line on `out` and returns a CliRunner exit code.
int run(const CliOptions &options, const QString &password, QTextStream &out, QTextStream &err);

} // namespace CliDownload
