#include "sigv4signer.h"
