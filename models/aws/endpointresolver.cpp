#include "endpointresolver.h"
