#include "serviceregistry.h"
