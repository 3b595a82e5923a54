import Domain
import Foundation
import XummPlatform

/// Folds what the platform reports about a payload (status stream events, the final GET) into the
/// operator's `PayloadRecord`. Pure: the time of each event is passed in. A websocket resolve message
/// is recorded as the websocket's unconfirmed word (`signed_unconfirmed`/`rejected_unconfirmed`);
/// only the final GET adds `signed`/`rejected` and the result (DESIGN: never trust `signed:true` alone).
public enum PayloadProgress {
    /// Applies one stream event; returns true when the record changed.
    @discardableResult
    public static func apply(_ event: StatusStreamEvent, to record: inout PayloadRecord, at now: Date) -> Bool {
        switch event {
        case .connected(let attempt):
            guard attempt > 1 else { return false }
            record.events.append(PayloadEvent(at: now, kind: .reconnected, detail: "attempt=\(attempt)"))
            return true
        case .disconnected:
            return false
        case .message(let m):
            return apply(m, to: &record, at: now)
        case .caughtUp(let p):
            var changed = false
            if p.meta.appOpened, !record.has(.opened) {
                record.events.append(PayloadEvent(at: now, kind: .opened, detail: "seen=after-reconnect"))
                changed = true
            }
            return changed
        case .final(let state):
            return applyFinal(state, to: &record, at: now)
        case .failed(let reason):
            record.events.append(PayloadEvent(at: now, kind: .error, detail: reason))
            return true
        }
    }

    /// Applies one websocket message.
    @discardableResult
    public static func apply(_ message: StatusMessage, to record: inout PayloadRecord, at now: Date) -> Bool {
        let kind: PayloadEventKind
        switch message {
        case .opened: kind = .opened
        case .devappFetched: kind = .appFetched
        case .preSigned: kind = .preSigned
        case .dispatched: kind = .dispatched
        case .resolved(let r):
            // The websocket's word only: `signed`/`rejected` and the result come from the GET.
            kind = r.signed ? .signedUnconfirmed : .rejectedUnconfirmed
        case .expired: kind = .expired
        case .welcome, .expiresIn, .pong, .message, .unknown: return false
        }
        guard !record.has(kind) else { return false }
        record.events.append(PayloadEvent(at: now, kind: kind))
        return true
    }

    /// Records the authoritative result from the final GET.
    @discardableResult
    public static func applyFinal(_ state: PayloadFinalState, to record: inout PayloadRecord, at now: Date) -> Bool {
        guard let outcome = outcome(of: state.outcome) else { return false }
        let result = PayloadResult(outcome: outcome, txid: state.txid, dispatchedResult: state.dispatchedResult,
                                   dispatchedNodeType: state.dispatchedNodeType, network: state.dispatchedNodeType,
                                   signerAccount: state.signerAccount, issuedUserToken: state.issuedUserToken,
                                   resolvedAt: parseDate(state.payload.response.resolvedAt) ?? now)
        if record.result == result { return false }
        let kind = eventKind(outcome)
        if state.payload.meta.appOpened, !record.has(.opened), outcome == .signed || outcome == .rejected {
            record.events.append(PayloadEvent(at: now, kind: .opened))
        }
        if !record.has(kind) { record.events.append(PayloadEvent(at: now, kind: kind, detail: state.txid.map { "txid \($0)" })) }
        record.result = result
        return true
    }

    public static func outcome(of o: PayloadFinalState.Outcome) -> PayloadOutcome? {
        switch o {
        case .signed: .signed
        case .rejected: .rejected
        case .expired: .expired
        case .cancelled: .cancelled
        case .pending: nil
        }
    }

    static func eventKind(_ o: PayloadOutcome) -> PayloadEventKind {
        switch o {
        case .signed: .signed
        case .rejected: .rejected
        case .expired: .expired
        case .cancelled: .cancelled
        }
    }

    static func parseDate(_ s: String?) -> Date? { s.flatMap(PlatformDate.parse) }
}

extension PayloadRecord {
    /// True when the timeline already holds an event of this kind.
    func has(_ kind: PayloadEventKind) -> Bool { events.contains { $0.kind == kind } }
}
