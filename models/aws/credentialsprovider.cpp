#include "credentialsprovider.h"
