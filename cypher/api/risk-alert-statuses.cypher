// The current triage status of the alerts that stored explanations list: $ids = [alert id, …].
UNWIND $ids AS id
MATCH (a:Alert {id: id})
RETURN collect(id) AS ids, collect(a.status) AS statuses
