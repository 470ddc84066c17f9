// Original file: parley/presence/v1/presence.proto


export interface Empty {
}

export interface Empty__Output {
}
